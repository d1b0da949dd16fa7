/** Whether intake takes more registrations: the flow after it must keep up with what it accepts. */
package dev.servicedesk.intake.admission;
