/** Admission control: an adaptive bound on the requests each route has in its backends at once. */
package dev.servicedesk.gateway.admission;
