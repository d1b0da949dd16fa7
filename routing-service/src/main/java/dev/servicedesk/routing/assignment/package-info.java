/** Which department works on a ticket and who its one first owner is. */
package dev.servicedesk.routing.assignment;
