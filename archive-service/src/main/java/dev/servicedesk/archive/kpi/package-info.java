/**
 * Management KPIs as counters kept per partition while events arrive, summed on read: a snapshot
 * and a live stream that cost the same with a thousand tickets stored or a million.
 */
package dev.servicedesk.archive.kpi;
