/**
 * The local stack: a real Kafka broker and MongoDB-compatible database on loopback, and every
 * service plus the gateway as separate application contexts in one JVM.
 */
package dev.servicedesk.deploy;
