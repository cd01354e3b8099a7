import { useSettings } from '@/components/hooks/use-settings';
import { DataPanel } from '@/components/options/DataPanel';
import {
  applyImport,
  checkImport,
  deleteAll,
  deleteWaits,
  exportAll,
  requestAccess,
} from '../actions';

export function DataSection() {
  // What "Delete everything" would keep waiting, from the settings as they are.
  const settings = useSettings();
  return (
    <DataPanel
      onExport={exportAll}
      onCheck={checkImport}
      onImport={applyImport}
      onRequestAccess={requestAccess}
      deleteWaits={() => deleteWaits(settings)}
      onDeleteEverything={deleteAll}
    />
  );
}
