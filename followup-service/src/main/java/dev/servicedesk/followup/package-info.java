/** Follow-up: SLA timers, progress reminders and satisfaction callbacks (回访). */
package dev.servicedesk.followup;
