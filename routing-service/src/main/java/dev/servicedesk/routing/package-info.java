/** Routing: classifies every ticket, sets its priority, SLA deadlines and department, and escalates. */
package dev.servicedesk.routing;
