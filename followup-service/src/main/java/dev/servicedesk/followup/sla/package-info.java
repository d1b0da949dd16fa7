/** SLA timers: the deadlines routing set for each ticket, kept so they can be watched. */
package dev.servicedesk.followup.sla;
