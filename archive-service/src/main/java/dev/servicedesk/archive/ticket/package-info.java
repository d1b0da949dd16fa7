/** The ticket read model: a projection of every ticket event into one document per ticket, and its query API. */
package dev.servicedesk.archive.ticket;
