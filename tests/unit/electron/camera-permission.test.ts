import { describe, expect, it } from 'vitest';
import { cameraPermitted, type MediaRequest } from '../../../src-main/electron/camera-permission';

const appUrl = 'file:///opt/ventanilla/dist/renderer/index.html';
const camera: MediaRequest = { permission: 'media', mediaTypes: ['video'], requestingUrl: appUrl, isMainFrame: true };

describe('the kiosk window’s camera permission', () => {
  it('lets the app’s own page on a kiosk use the camera, whatever screen its fragment names', () => {
    expect(cameraPermitted(camera, appUrl, true)).toBe(true);
    expect(cameraPermitted({ ...camera, requestingUrl: `${appUrl}#tickets` }, appUrl, true)).toBe(true);
  });

  it('refuses it on a device that is not a kiosk', () => {
    expect(cameraPermitted(camera, appUrl, false)).toBe(false);
  });

  it('refuses the microphone, audio with the video, an unnamed kind, another page, a frame, another permission', () => {
    for (const request of [
      { ...camera, mediaTypes: ['audio'] },
      { ...camera, mediaTypes: ['video', 'audio'] },
      { ...camera, mediaTypes: ['unknown'] },
      { ...camera, mediaTypes: [] },
      { ...camera, requestingUrl: 'https://otro.example/index.html' },
      { ...camera, requestingUrl: 'file:///tmp/index.html' },
      { ...camera, requestingUrl: '' },
      { ...camera, isMainFrame: false },
      { ...camera, permission: 'display-capture' },
      { ...camera, permission: 'geolocation' },
    ])
      expect(cameraPermitted(request, appUrl, true), JSON.stringify(request)).toBe(false);
  });
});
