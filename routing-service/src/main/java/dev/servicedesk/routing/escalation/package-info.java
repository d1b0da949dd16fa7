/** Complaint grading (general or special) and supervisor alerts for complaints and safety hazards. */
package dev.servicedesk.routing.escalation;
