import type { SimClient } from '../../client/SimClient';

/** What every panel receives from the layout. */
export interface PanelProps {
  client: SimClient;
}
