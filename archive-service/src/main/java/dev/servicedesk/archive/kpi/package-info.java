/** Management KPIs aggregated from the ticket read model, as a snapshot and as a live stream. */
package dev.servicedesk.archive.kpi;
