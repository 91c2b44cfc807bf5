console.log("sample classic bundle for the SRI test");
