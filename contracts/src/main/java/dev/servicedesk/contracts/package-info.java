/**
 * What services agree on: the event envelope, topic names and the JSON wire format.
 * Nothing here depends on Spring, so department systems can reuse it.
 */
package dev.servicedesk.contracts;
