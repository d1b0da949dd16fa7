/** Lifecycle commands on a ticket (progress, information, solution, acceptance, resolution, closure, reopening) from HTTP or department systems. */
package dev.servicedesk.intake.lifecycle;
