// Live dashboard: KPIs from the SSE stream (polling when the stream is unavailable), latest tickets and
// consumer lag polled.
// Paths are absolute because the gateway serves this page at "/".
(function () {
  'use strict';

  var REFRESH_MS = 3000;
  var LAG_REFRESH_MS = 5000;
  var TICKETS_SHOWN = 25;
  var VOLUMES = { byChannel: 'by-channel', byType: 'by-type', byPriority: 'by-priority', byDepartment: 'by-department', byStatus: 'by-status' };
  var COUNTS = ['total', 'open', 'resolved', 'needsReview', 'escalated'];
  var STREAM_SILENCE_MS = 40000; // the stream repeats the summary every 15 s; longer silence means it is stuck
  var kpiPoll = null;
  var lastStreamed = 0;

  function $(id) { return document.getElementById(id); }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  function time(iso) {
    if (!iso) { return '–'; }
    var date = new Date(iso);
    return isNaN(date) ? iso : date.toLocaleString();
  }

  function connection(state, text) {
    var badge = $('connection');
    badge.className = 'connection ' + state;
    badge.textContent = text;
  }

  // Sign-in: a dashboard token, from the link the local stack prints (#token=...) or typed in once;
  // kept for this browser tab only. The API answers 401 without it.
  var TOKEN_KEY = 'servicedesk.token';
  (function takeTokenFromLink() {
    var match = /(?:^|[#&])token=([^&]+)/.exec(window.location.hash);
    if (match) {
      sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
      history.replaceState(null, '', window.location.pathname + window.location.search);
    }
  })();

  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  function signIn() {
    var entered = window.prompt('Dashboard token (printed by the local stack, or minted by an administrator):');
    if (entered) { sessionStorage.setItem(TOKEN_KEY, entered.trim()); window.location.reload(); }
  }

  function getJson(path) {
    var headers = { Accept: 'application/json' };
    if (token()) { headers.Authorization = 'Bearer ' + token(); }
    return fetch(path, { headers: headers }).then(function (response) {
      if (response.status === 401) { connection('down', 'sign in'); throw new Error('not signed in'); }
      if (!response.ok) { throw new Error(path + ' answered ' + response.status); }
      return response.json();
    });
  }

  function renderKpis(summary) {
    COUNTS.forEach(function (name) { $('kpi-' + name).textContent = summary[name]; });
    Object.keys(VOLUMES).forEach(function (name) {
      var list = $(VOLUMES[name]);
      var counts = summary[name] || {};
      var max = Math.max.apply(null, [1].concat(Object.keys(counts).map(function (k) { return counts[k]; })));
      list.replaceChildren();
      Object.keys(counts).forEach(function (key) {
        var item = el('li');
        item.appendChild(el('span', key));
        item.appendChild(el('strong', counts[key]));
        var bar = el('div', null, 'bar');
        var fill = el('span');
        fill.style.width = Math.round(100 * counts[key] / max) + '%';
        bar.appendChild(fill);
        item.appendChild(bar);
        list.appendChild(item);
      });
      if (!list.children.length) { list.appendChild(el('li', 'none yet', 'empty')); }
    });
  }

  function renderTickets(tickets) {
    var body = $('tickets');
    body.replaceChildren();
    if (!tickets.length) {
      var empty = el('tr');
      var cell = el('td', 'No tickets yet', 'empty');
      cell.colSpan = 9;
      empty.appendChild(cell);
      body.appendChild(empty);
    }
    tickets.forEach(function (ticket) {
      var row = el('tr');
      row.appendChild(el('td', ticket.id));
      row.appendChild(el('td', time(ticket.lastActivityAt)));
      row.appendChild(el('td', ticket.channel || '–'));
      row.appendChild(el('td', [ticket.type, ticket.subType].filter(Boolean).join(' / ') || '–'));
      var priority = el('td');
      priority.appendChild(el('span', ticket.priority || '–', 'pill ' + (ticket.priority || '')));
      row.appendChild(priority);
      row.appendChild(el('td', ticket.department || '–'));
      var status = el('td');
      status.appendChild(el('span', ticket.status || '–', 'pill'));
      if (ticket.needsReview) { status.appendChild(el('span', 'review', 'pill review')); }
      row.appendChild(status);
      row.appendChild(el('td', ticket.customerName || ticket.customerId || '–'));
      row.appendChild(el('td', ticket.subject || '', 'subject'));
      row.addEventListener('click', function () { showTicket(ticket.id); });
      body.appendChild(row);
    });
    $('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
  }

  function showTicket(id) {
    getJson('/api/tickets/' + encodeURIComponent(id)).then(function (ticket) {
      $('detail').hidden = false;
      $('detail-id').textContent = ticket.id;
      var c = ticket.classification;
      $('detail-head').textContent = [
        ticket.status,
        ticket.customer && ticket.customer.name,
        c && (c.type + (c.subType ? ' / ' + c.subType : '') + ', ' + c.priority + ', ' + c.department),
        ticket.sla && ('first response due ' + time(ticket.sla.firstResponseDue)),
        ticket.description
      ].filter(Boolean).join(' · ');
      var list = $('detail-timeline');
      list.replaceChildren();
      ticket.timeline.forEach(function (entry) {
        var item = el('li');
        item.appendChild(el('div', entry.summary));
        item.appendChild(el('div', time(entry.occurredAt) + ' · ' + entry.type + ' · ' + (entry.actor || entry.producer), 'meta'));
        list.appendChild(item);
      });
      $('detail').scrollIntoView({ behavior: 'smooth' });
    }).catch(function (error) { console.warn(error); });
  }

  function pollKpis() {
    getJson('/api/kpis/summary').then(function (summary) {
      renderKpis(summary);
      connection('live', 'live (polling)');
    }).catch(function () { connection('down', 'archive unreachable'); });
  }

  function startPollingKpis() {
    if (kpiPoll === null) {
      pollKpis();
      kpiPoll = setInterval(pollKpis, REFRESH_MS);
    }
  }

  function stopPollingKpis() {
    if (kpiPoll !== null) { clearInterval(kpiPoll); kpiPoll = null; }
  }

  function streamKpis() {
    if (!window.EventSource) { startPollingKpis(); return; }
    // EventSource cannot send headers: the token travels as the access_token query parameter.
    var source = new EventSource('/api/kpis/stream' + (token() ? '?access_token=' + encodeURIComponent(token()) : ''));
    source.addEventListener('summary', function (message) {
      lastStreamed = Date.now();
      stopPollingKpis();
      renderKpis(JSON.parse(message.data));
      connection('live', 'live');
    });
    source.onerror = function () {
      // The browser reconnects by itself; poll meanwhile, until the stream delivers again.
      connection('down', 'reconnecting…');
      startPollingKpis();
    };
    // A proxy that buffers the stream delivers nothing and reports no error: fall back to polling.
    setInterval(function () {
      if (Date.now() - lastStreamed > STREAM_SILENCE_MS) { startPollingKpis(); }
    }, STREAM_SILENCE_MS / 4);
  }

  function pollTickets() {
    getJson('/api/tickets?limit=' + TICKETS_SHOWN).then(renderTickets).catch(function (error) {
      connection('down', 'archive unreachable');
      // Say so rather than leave "No tickets yet" standing beside counts that say otherwise.
      $('updated').textContent = 'could not load the latest tickets: ' + error.message;
    });
  }

  function renderLag(lags) {
    var list = $('consumer-lag');
    list.replaceChildren();
    Object.keys(lags).sort().forEach(function (group) {
      var item = el('li');
      item.appendChild(el('span', group));
      item.appendChild(el('strong', lags[group], lags[group] > 1000 ? 'behind' : ''));
      list.appendChild(item);
    });
    if (!list.children.length) { list.appendChild(el('li', 'no consumers yet', 'empty')); }
  }

  function pollLag() {
    getJson('/api/kpis/consumer-lag').then(renderLag).catch(function () {
      $('consumer-lag').replaceChildren(el('li', 'unknown', 'empty'));
    });
  }

  $('detail-close').addEventListener('click', function () { $('detail').hidden = true; });
  $('connection').addEventListener('click', function () { if (!token() || $('connection').textContent === 'sign in') { signIn(); } });
  if (!token()) { connection('down', 'sign in'); }
  streamKpis();
  pollTickets();
  setInterval(pollTickets, REFRESH_MS);
  pollLag();
  setInterval(pollLag, LAG_REFRESH_MS);
})();
