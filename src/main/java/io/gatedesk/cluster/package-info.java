/**
 * What lets several GateDesk nodes share one database and behave as one: scheduled jobs that run on one node at a
 * time ({@link io.gatedesk.cluster.JobLocks}), critical sections that wait across nodes
 * ({@link io.gatedesk.cluster.ClusterMutex}) and rate-limit buckets counted in the database
 * ({@link io.gatedesk.cluster.RateBuckets}). Plumbing only: it knows no feature; features use it.
 * See docs/deployment.md.
 */
package io.gatedesk.cluster;
