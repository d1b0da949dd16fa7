/** Turns received and reopened tickets into routing decisions, stored with their events and published exactly as stored. */
package dev.servicedesk.routing.decision;
