/** Which of the four types and which sub-type a ticket is, with a confidence and the reasons. */
package dev.servicedesk.routing.classification;
