import type { PhoneLink } from '../../src-shared/api/phone-link';
import type { ApiError } from '../../src-shared/api/result';

/** «Llevar a mi celular», as the citizen follows it. */
export type PhoneLinkState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'asking' }
  | { readonly phase: 'ready'; readonly link: PhoneLink }
  | { readonly phase: 'failed'; readonly error: ApiError };

/** What the viewer needs to offer the phone: the state and the tap. */
export interface PhoneLinkControl {
  readonly state: PhoneLinkState;
  request(): void;
  dismiss(): void;
}
