/** Idempotency keys: a retried request is answered with what the first one produced, never twice. */
package dev.servicedesk.intake.idempotency;
