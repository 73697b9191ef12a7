/**
 * The user's configuration: JSON helpers, settings.json with its {{ }} references, datasets.json
 * with its matching rules and publish templates (HySDS conventions). Uses only util.
 */
package org.alos2ingest.config;
