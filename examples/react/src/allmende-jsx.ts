import type { AllmendeChangeEvent } from '@allmende/elements';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

/**
 * What the Allmende elements take in JSX. React 19 sets a prop as a property when the element has
 * one (so `userName`, not `user-name`), and adds a prop named `on<event>` as an event listener.
 */
interface ConnectionProps {
  /** The relay's WebSocket URL. */
  relay?: string;
  /** The document's name on the relay. */
  document?: string;
  /** A bearer token (JWT) for the relay. */
  token?: string;
  userName?: string;
  /** `#rrggbb`. */
  userColor?: string;
  readOnly?: boolean;
}

type ElementProps<E extends HTMLElement> = DetailedHTMLProps<HTMLAttributes<E>, E> & ConnectionProps & {
  /** The user changed the content here (never for changes arriving from others). */
  'onallmende-change'?: (event: AllmendeChangeEvent) => void;
};

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX types are a namespace
  namespace JSX {
    interface IntrinsicElements {
      'allmende-doc': ElementProps<HTMLElementTagNameMap['allmende-doc']>;
      'allmende-sheet': ElementProps<HTMLElementTagNameMap['allmende-sheet']>;
      'allmende-calendar': ElementProps<HTMLElementTagNameMap['allmende-calendar']>;
    }
  }
}
