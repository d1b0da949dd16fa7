/** The intake service: the front door for every channel and the ticket of record. */
package dev.servicedesk.intake;
