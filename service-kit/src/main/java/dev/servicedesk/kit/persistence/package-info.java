/** How the services write documents to MongoDB, and read them by id. */
package dev.servicedesk.kit.persistence;
