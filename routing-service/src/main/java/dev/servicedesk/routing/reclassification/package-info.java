/** Staff corrections of a classification: re-routing the ticket and keeping the correction as a labelled example. */
package dev.servicedesk.routing.reclassification;
