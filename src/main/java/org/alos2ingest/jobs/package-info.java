/**
 * Job queues only: job specs and their types, the in-process queue, RabbitMQ with retries and
 * dead-lettering, PBS/Slurm submission and the worker loop. Jobs are run by the ingest pipeline.
 */
package org.alos2ingest.jobs;
