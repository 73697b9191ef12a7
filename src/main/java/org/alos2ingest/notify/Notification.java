package org.alos2ingest.notify;

/**
 * One dataset's STAC item on its way to one subscriber.
 *
 * @param deliveryId the same for every attempt of this delivery, so a receiver can drop a repeat
 * @param body       the item as sent, byte for byte (the signature covers exactly these bytes)
 */
public record Notification(String deliveryId, String subscription, String itemId, byte[] body) {
}
