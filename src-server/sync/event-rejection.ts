/** Thrown by an event handler to refuse an event for good (it is parked, never retried by itself). */
export class EventRejection extends Error {
  override readonly name = 'EventRejection';
}
