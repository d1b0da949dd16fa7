/** Read models built from ticket events: ticket timelines, the customer archive, KPIs and the live dashboard. */
package dev.servicedesk.archive;
