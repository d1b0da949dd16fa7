/** Readiness that reports the broker and the database truthfully. */
package dev.servicedesk.kit.health;
