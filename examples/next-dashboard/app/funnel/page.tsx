import { ComingNext } from '../../src/components/coming-next';

export default function Page() {
  return <ComingNext view="funnel" />;
}
