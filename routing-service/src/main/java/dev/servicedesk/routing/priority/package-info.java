/** Urgent, important or normal, from urgency signals, scope of impact and customer tier. */
package dev.servicedesk.routing.priority;
