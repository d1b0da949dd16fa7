/** Registering a customer's request from any channel: validation, customer identity, urgency, acceptance. */
package dev.servicedesk.intake.registration;
