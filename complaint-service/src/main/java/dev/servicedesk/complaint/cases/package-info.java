/** Complaint cases: one per complaint ticket, opened when routing classifies a ticket as a complaint. */
package dev.servicedesk.complaint.cases;
