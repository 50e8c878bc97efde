
/** The otpauth URI as a PNG data URL and as SVG markup, for a phone's camera. */
export async function qrCodes(uri: string): Promise<{ dataUrl: string; svg: string }> {
  // The encoder and its PNG writer load with the first enrolment, not at every cold start.
  const { default: QRCode } = await import("qrcode");
  // Medium error correction survives a slightly blurred photo of a screen.
  const options = { errorCorrectionLevel: "M" as const, margin: 2 };
  const [dataUrl, svg] = await Promise.all([
    QRCode.toDataURL(uri, { ...options, type: "image/png", width: 256 }),
    QRCode.toString(uri, { ...options, type: "svg" }),
  ]);
  return { dataUrl, svg };
}
