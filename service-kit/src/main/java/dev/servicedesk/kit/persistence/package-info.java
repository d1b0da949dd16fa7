/** How the services' documents are written to MongoDB. */
package dev.servicedesk.kit.persistence;
