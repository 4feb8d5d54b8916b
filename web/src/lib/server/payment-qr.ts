import QRCode from 'qrcode';
import type { PaymentDetails } from '@mekendesh/contracts';

/**
 * A QR code as an SVG document, drawn on the server (no script in the browser). Medium error correction:
 * a printed receipt still scans with a crease or a smudge.
 * @example await qrSvg('MEKENDESH-TRANSFER/1\nReference: MK-7KQ2-9XF4') // '<svg xmlns=...'
 */
async function qrSvg(payload: string): Promise<string> {
	return QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
}

/** The SVG of each payment option's QR code, in the options' order. */
export function optionQrSvgs(details: PaymentDetails): Promise<string[]> {
	return Promise.all(details.options.map((o) => qrSvg(o.qr.payload)));
}
