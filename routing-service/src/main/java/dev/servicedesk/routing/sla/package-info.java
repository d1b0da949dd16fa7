/** SLA deadlines per priority, counted on a business calendar (working hours, weekends, public holidays). */
package dev.servicedesk.routing.sla;
