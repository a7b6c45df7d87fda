// The interactive API reference (Scalar's standalone bundle, served by the app): no fonts or scripts from elsewhere.
window.Scalar.createApiReference('#app', {
  url: new URL('openapi/v1.json', window.location.href).toString(),
  withDefaultFonts: false,
  hideClientButton: false,
  persistAuth: false,
  telemetry: false,
  authentication: { preferredSecurityScheme: 'Bearer' },
});
