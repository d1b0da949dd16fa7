/** Value types that events carry: channels, customers, classification, SLA deadlines. */
package dev.servicedesk.contracts.ticket;
