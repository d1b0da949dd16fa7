/**
 * What the archive makes of the load: how long an accepted ticket takes to appear there with its
 * routed classification, and, after a kill, whether every ticket on the topic made it.
 */
package dev.servicedesk.benchmark.archive;
