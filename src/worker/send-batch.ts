/**
 * Holds the publishes and acks a worker makes while it works through what one socket read delivered, and
 * sends them together once the promise chains of that read have run (process.nextTick, queued from a promise
 * reaction, runs after the microtask queue is empty). The NATS client writes its buffer at the first microtask
 * checkpoint after a send; sends spread over a batch's promise chains went out three messages to a write, and
 * every write wakes the nats-server (on two busy cores, preempting a worker). Sent together they share one
 * write, so both the worker and the server spend less CPU per message, and no send waits for another turn of
 * the event loop.
 *
 * Order is kept: sends run in the order they were deferred. Nothing is acked earlier than before: an ack is
 * deferred only once its output's publish ack has arrived.
 */
export class SendBatch {
  private queue: Array<() => void> = [];
  private scheduled = false;

  /** Runs `send` with the others deferred in this turn; its result (or failure) settles the promise. */
  later<T>(send: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) =>
      this.defer(() => {
        try {
          send().then(resolve, reject);
        } catch (err) {
          reject(err);
        }
      }),
    );
  }

  /** Runs `send` with the others deferred in this turn. It must not throw: nothing would catch it. */
  defer(send: () => void): void {
    this.queue.push(send);
    if (!this.scheduled) {
      this.scheduled = true;
      process.nextTick(this.run);
    }
  }

  /** Sends still waiting (stop() lets them go before draining the connection). */
  get pending(): number {
    return this.queue.length;
  }

  private readonly run = (): void => {
    this.scheduled = false;
    const q = this.queue;
    this.queue = [];
    for (const send of q) send();
  };
}
