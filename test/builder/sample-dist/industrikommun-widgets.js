console.log("sample ES bundle for the SRI test");
