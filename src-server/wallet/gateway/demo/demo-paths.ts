/** Where the demo gateway lives on the central server (outside the device API's versioned routes). */
export const DEMO_PATH = '/pasarela-demo';

/** The demo's «public key» in its checkout links, as Wompi's `pub_test_…` would be. */
export const DEMO_PUBLIC_KEY = 'pub_demo_ventanilla';
