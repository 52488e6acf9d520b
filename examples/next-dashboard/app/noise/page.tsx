import { NoiseUpload } from '../../src/components/noise-upload';
import { currentDictionary } from '../../src/i18n/language';

/** Noise: upload a WAV recording and see its measurement report. */
export default async function NoisePage() {
  const { dictionary } = await currentDictionary();
  return (
    <>
      <h1>{dictionary.noise.title}</h1>
      <NoiseUpload texts={dictionary.noise.upload} />
    </>
  );
}
