/** The ticket read model: one document per ticket, folded incrementally from its events, read by id. */
package dev.servicedesk.archive.ticket;
