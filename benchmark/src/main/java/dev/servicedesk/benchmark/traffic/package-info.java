/**
 * What a real service centre sends: registration forms in Chinese and English on every channel,
 * repeat customers and VIPs, and lifecycle commands that follow the ticket state machine.
 */
package dev.servicedesk.benchmark.traffic;
