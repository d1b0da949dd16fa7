/**
 * Event records, named in the past tense, grouped into one sealed stream per topic.
 * A record's simple name is its logical type name on the wire.
 */
package dev.servicedesk.contracts.events;
