import { channelName, type DeckPosition, type SpeakerMessage } from './speaker-link.js';

export interface FollowEvents {
  /** The deck reported where it is (and whether it is paused). */
  state(pos: DeckPosition, paused: boolean): void;
  /** The deck tab went away. */
  bye(): void;
}

/**
 * The speaker view's end of the link to the deck (speaker-link.ts is the deck's): says hello until a deck
 * answers, passes its reports on, and sends navigation back. Stops saying hello and closes on destroy.
 */
export function initSpeakerFollow(slug: string, on: FollowEvents) {
  const channel = new BroadcastChannel(channelName(slug));
  let connected = false;
  const onMessage = (event: MessageEvent<SpeakerMessage>) => {
    const m = event.data;
    if (m.type === 'state') {
      connected = true;
      on.state({ h: m.h, v: m.v, f: m.f }, m.paused);
    } else if (m.type === 'bye') {
      connected = false;
      on.bye();
    }
  };
  channel.addEventListener('message', onMessage);
  const hello = () => {
    if (!connected) channel.postMessage({ type: 'hello' } satisfies SpeakerMessage);
  };
  hello();
  const interval = setInterval(hello, 1500);
  return {
    get connected() {
      return connected;
    },
    send: (m: SpeakerMessage) => channel.postMessage(m),
    destroy() {
      clearInterval(interval);
      channel.removeEventListener('message', onMessage);
      channel.close();
    },
  };
}
