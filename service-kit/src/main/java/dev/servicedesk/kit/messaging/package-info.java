/** Publishing events with broker acknowledgement, topic declarations, retries and dead-lettering. */
package dev.servicedesk.kit.messaging;
