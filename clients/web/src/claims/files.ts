// Files attached to a claim: photos from the phone's camera or gallery and PDFs. A camera photo above what the
// claims service takes (5 MiB) is scaled down in the browser first; the rest is sent as is.
const LIMIT = 5 * 1024 * 1024;
const MAX_SIDE = 2560;

function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

async function scaledDown(file: File): Promise<Blob> {
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = Math.min(1, MAX_SIDE / Math.max(image.naturalWidth, image.naturalHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.naturalWidth * scale);
    canvas.height = Math.round(image.naturalHeight * scale);
    canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('image'))), 'image/jpeg', 0.85),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The file as the API takes it: a name and its content in base64 (a large photo re-encoded as JPEG). */
export async function prepare(file: File): Promise<{ filename: string; contentBase64: string }> {
  if (file.size > LIMIT && file.type.startsWith('image/') && file.type !== 'image/heic') {
    const blob = await scaledDown(file).catch(() => file);
    const filename = blob === file ? file.name : file.name.replace(/\.[^.]*$/, '') + '.jpg';
    return { filename, contentBase64: await base64Of(blob) };
  }
  return { filename: file.name, contentBase64: await base64Of(file) };
}
